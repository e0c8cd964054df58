-- Breakdown categories of sex, age_group, exploitation_form and nationality become codes from the domain's code
-- lists (CODE_LISTS). Known free-text categories are recoded by the explicit table below; any category still
-- outside the lists, or a recoding that would give a figure one dimension twice, fails the migration.
CREATE TABLE `__breakdown_recode` (
	`dimension` text NOT NULL,
	`category` text NOT NULL,
	`pairs` text NOT NULL,
	PRIMARY KEY(`dimension`, `category`)
);
--> statement-breakpoint
INSERT INTO `__breakdown_recode` (`dimension`, `category`, `pairs`) VALUES
('sex', 'women', '{"sex":"female"}'), ('sex', 'woman', '{"sex":"female"}'), ('sex', 'females', '{"sex":"female"}'),
('sex', 'f', '{"sex":"female"}'), ('sex', 'men', '{"sex":"male"}'), ('sex', 'man', '{"sex":"male"}'),
('sex', 'males', '{"sex":"male"}'), ('sex', 'm', '{"sex":"male"}'),
('sex', 'girls', '{"sex":"female","age_group":"child"}'), ('sex', 'girl', '{"sex":"female","age_group":"child"}'),
('sex', 'boys', '{"sex":"male","age_group":"child"}'), ('sex', 'boy', '{"sex":"male","age_group":"child"}'),
('sex', 'not_known', '{"sex":"unknown"}'), ('sex', 'unspecified', '{"sex":"unknown"}'),
('age_group', 'children', '{"age_group":"child"}'), ('age_group', 'minor', '{"age_group":"child"}'),
('age_group', 'minors', '{"age_group":"child"}'), ('age_group', 'under_18', '{"age_group":"child"}'),
('age_group', 'adults', '{"age_group":"adult"}'), ('age_group', 'over_18', '{"age_group":"adult"}'),
('age_group', 'girls', '{"sex":"female","age_group":"child"}'), ('age_group', 'boys', '{"sex":"male","age_group":"child"}'),
('age_group', 'women', '{"sex":"female","age_group":"adult"}'), ('age_group', 'men', '{"sex":"male","age_group":"adult"}'),
('age_group', 'not_known', '{"age_group":"unknown"}'),
('exploitation_form', 'sexual_exploitation', '{"exploitation_form":"sexual"}'),
('exploitation_form', 'sex', '{"exploitation_form":"sexual"}'),
('exploitation_form', 'forced_labour', '{"exploitation_form":"labour"}'),
('exploitation_form', 'forced_labor', '{"exploitation_form":"labour"}'),
('exploitation_form', 'labour_exploitation', '{"exploitation_form":"labour"}'),
('exploitation_form', 'labor', '{"exploitation_form":"labour"}'),
('exploitation_form', 'organs', '{"exploitation_form":"organ_removal"}'),
('exploitation_form', 'removal_of_organs', '{"exploitation_form":"organ_removal"}'),
('exploitation_form', 'forced_begging', '{"exploitation_form":"begging"}'),
('exploitation_form', 'forced_criminality', '{"exploitation_form":"criminal_activity"}'),
('exploitation_form', 'forced_marriages', '{"exploitation_form":"forced_marriage"}'),
('exploitation_form', 'other_forms', '{"exploitation_form":"other"}'),
('nationality', 'pakistani', '{"nationality":"pk"}'), ('nationality', 'pakistan', '{"nationality":"pk"}'),
('nationality', 'italian', '{"nationality":"it"}'), ('nationality', 'italy', '{"nationality":"it"}'),
('nationality', 'spanish', '{"nationality":"es"}'), ('nationality', 'spain', '{"nationality":"es"}'),
('nationality', 'afghan', '{"nationality":"af"}'), ('nationality', 'bangladeshi', '{"nationality":"bd"}'),
('nationality', 'indian', '{"nationality":"in"}'), ('nationality', 'nigerian', '{"nationality":"ng"}'),
('nationality', 'not_known', '{"nationality":"unknown"}');
--> statement-breakpoint
CREATE TABLE `__breakdown_recoded` (
	`id` integer PRIMARY KEY NOT NULL,
	`disaggregation` text NOT NULL,
	`pairs` integer NOT NULL,
	`dimensions` integer NOT NULL,
	CONSTRAINT `breakdown_recoding_gives_a_dimension_twice` CHECK(`pairs` = `dimensions`)
);
--> statement-breakpoint
INSERT INTO `__breakdown_recoded` (`id`, `disaggregation`, `pairs`, `dimensions`)
SELECT `id`, json_group_object(`key`, `value` ORDER BY `key`), count(*), count(DISTINCT `key`)
FROM (
	SELECT o.`id`, coalesce(m.`key`, e.`key`) AS `key`, coalesce(m.`value`, e.`value`) AS `value`
	FROM `observations` o
	JOIN json_each(o.`disaggregation`) e
	LEFT JOIN `__breakdown_recode` r ON r.`dimension` = e.`key` AND r.`category` = e.`value`
	LEFT JOIN json_each(r.`pairs`) m
	WHERE o.`id` IN (
		SELECT o2.`id` FROM `observations` o2 JOIN json_each(o2.`disaggregation`) e2
		JOIN `__breakdown_recode` r2 ON r2.`dimension` = e2.`key` AND r2.`category` = e2.`value`
	)
)
GROUP BY `id`;
--> statement-breakpoint
UPDATE `observations`
SET `disaggregation` = (SELECT r.`disaggregation` FROM `__breakdown_recoded` r WHERE r.`id` = `observations`.`id`)
WHERE `id` IN (SELECT `id` FROM `__breakdown_recoded`);
--> statement-breakpoint
CREATE TABLE `__breakdown_codes` (
	`dimension` text NOT NULL,
	`code` text NOT NULL,
	PRIMARY KEY(`dimension`, `code`)
);
--> statement-breakpoint
INSERT INTO `__breakdown_codes` (`dimension`, `code`) VALUES
('sex','female'), ('sex','male'), ('sex','unknown'), ('age_group','child'), ('age_group','adult'), ('age_group','unknown'), ('exploitation_form','sexual'), ('exploitation_form','labour'), ('exploitation_form','organ_removal'), ('exploitation_form','criminal_activity'),
('exploitation_form','begging'), ('exploitation_form','forced_marriage'), ('exploitation_form','mixed'), ('exploitation_form','other'), ('exploitation_form','unknown'), ('nationality','ad'), ('nationality','ae'), ('nationality','af'), ('nationality','ag'), ('nationality','ai'),
('nationality','al'), ('nationality','am'), ('nationality','ao'), ('nationality','aq'), ('nationality','ar'), ('nationality','as'), ('nationality','at'), ('nationality','au'), ('nationality','aw'), ('nationality','ax'),
('nationality','az'), ('nationality','ba'), ('nationality','bb'), ('nationality','bd'), ('nationality','be'), ('nationality','bf'), ('nationality','bg'), ('nationality','bh'), ('nationality','bi'), ('nationality','bj'),
('nationality','bl'), ('nationality','bm'), ('nationality','bn'), ('nationality','bo'), ('nationality','bq'), ('nationality','br'), ('nationality','bs'), ('nationality','bt'), ('nationality','bv'), ('nationality','bw'),
('nationality','by'), ('nationality','bz'), ('nationality','ca'), ('nationality','cc'), ('nationality','cd'), ('nationality','cf'), ('nationality','cg'), ('nationality','ch'), ('nationality','ci'), ('nationality','ck'),
('nationality','cl'), ('nationality','cm'), ('nationality','cn'), ('nationality','co'), ('nationality','cr'), ('nationality','cu'), ('nationality','cv'), ('nationality','cw'), ('nationality','cx'), ('nationality','cy'),
('nationality','cz'), ('nationality','de'), ('nationality','dj'), ('nationality','dk'), ('nationality','dm'), ('nationality','do'), ('nationality','dz'), ('nationality','ec'), ('nationality','ee'), ('nationality','eg'),
('nationality','eh'), ('nationality','er'), ('nationality','es'), ('nationality','et'), ('nationality','fi'), ('nationality','fj'), ('nationality','fk'), ('nationality','fm'), ('nationality','fo'), ('nationality','fr'),
('nationality','ga'), ('nationality','gb'), ('nationality','gd'), ('nationality','ge'), ('nationality','gf'), ('nationality','gg'), ('nationality','gh'), ('nationality','gi'), ('nationality','gl'), ('nationality','gm'),
('nationality','gn'), ('nationality','gp'), ('nationality','gq'), ('nationality','gr'), ('nationality','gs'), ('nationality','gt'), ('nationality','gu'), ('nationality','gw'), ('nationality','gy'), ('nationality','hk'),
('nationality','hm'), ('nationality','hn'), ('nationality','hr'), ('nationality','ht'), ('nationality','hu'), ('nationality','id'), ('nationality','ie'), ('nationality','il'), ('nationality','im'), ('nationality','in'),
('nationality','io'), ('nationality','iq'), ('nationality','ir'), ('nationality','is'), ('nationality','it'), ('nationality','je'), ('nationality','jm'), ('nationality','jo'), ('nationality','jp'), ('nationality','ke'),
('nationality','kg'), ('nationality','kh'), ('nationality','ki'), ('nationality','km'), ('nationality','kn'), ('nationality','kp'), ('nationality','kr'), ('nationality','kw'), ('nationality','ky'), ('nationality','kz'),
('nationality','la'), ('nationality','lb'), ('nationality','lc'), ('nationality','li'), ('nationality','lk'), ('nationality','lr'), ('nationality','ls'), ('nationality','lt'), ('nationality','lu'), ('nationality','lv'),
('nationality','ly'), ('nationality','ma'), ('nationality','mc'), ('nationality','md'), ('nationality','me'), ('nationality','mf'), ('nationality','mg'), ('nationality','mh'), ('nationality','mk'), ('nationality','ml'),
('nationality','mm'), ('nationality','mn'), ('nationality','mo'), ('nationality','mp'), ('nationality','mq'), ('nationality','mr'), ('nationality','ms'), ('nationality','mt'), ('nationality','mu'), ('nationality','mv'),
('nationality','mw'), ('nationality','mx'), ('nationality','my'), ('nationality','mz'), ('nationality','na'), ('nationality','nc'), ('nationality','ne'), ('nationality','nf'), ('nationality','ng'), ('nationality','ni'),
('nationality','nl'), ('nationality','no'), ('nationality','np'), ('nationality','nr'), ('nationality','nu'), ('nationality','nz'), ('nationality','om'), ('nationality','pa'), ('nationality','pe'), ('nationality','pf'),
('nationality','pg'), ('nationality','ph'), ('nationality','pk'), ('nationality','pl'), ('nationality','pm'), ('nationality','pn'), ('nationality','pr'), ('nationality','ps'), ('nationality','pt'), ('nationality','pw'),
('nationality','py'), ('nationality','qa'), ('nationality','re'), ('nationality','ro'), ('nationality','rs'), ('nationality','ru'), ('nationality','rw'), ('nationality','sa'), ('nationality','sb'), ('nationality','sc'),
('nationality','sd'), ('nationality','se'), ('nationality','sg'), ('nationality','sh'), ('nationality','si'), ('nationality','sj'), ('nationality','sk'), ('nationality','sl'), ('nationality','sm'), ('nationality','sn'),
('nationality','so'), ('nationality','sr'), ('nationality','ss'), ('nationality','st'), ('nationality','sv'), ('nationality','sx'), ('nationality','sy'), ('nationality','sz'), ('nationality','tc'), ('nationality','td'),
('nationality','tf'), ('nationality','tg'), ('nationality','th'), ('nationality','tj'), ('nationality','tk'), ('nationality','tl'), ('nationality','tm'), ('nationality','tn'), ('nationality','to'), ('nationality','tr'),
('nationality','tt'), ('nationality','tv'), ('nationality','tw'), ('nationality','tz'), ('nationality','ua'), ('nationality','ug'), ('nationality','um'), ('nationality','us'), ('nationality','uy'), ('nationality','uz'),
('nationality','va'), ('nationality','vc'), ('nationality','ve'), ('nationality','vg'), ('nationality','vi'), ('nationality','vn'), ('nationality','vu'), ('nationality','wf'), ('nationality','ws'), ('nationality','ye'),
('nationality','yt'), ('nationality','za'), ('nationality','zm'), ('nationality','zw'), ('nationality','unknown');
--> statement-breakpoint
CREATE TABLE `__breakdown_unmappable` (
	`observation_id` integer NOT NULL,
	`dimension` text NOT NULL,
	`category` text NOT NULL,
	CONSTRAINT `breakdown_category_outside_code_lists_add_it_to_the_recode_table` CHECK(`observation_id` IS NULL)
);
--> statement-breakpoint
INSERT INTO `__breakdown_unmappable` (`observation_id`, `dimension`, `category`)
SELECT o.`id`, e.`key`, e.`value`
FROM `observations` o
JOIN json_each(o.`disaggregation`) e
WHERE e.`key` IN ('sex', 'age_group', 'exploitation_form', 'nationality')
	AND NOT EXISTS (SELECT 1 FROM `__breakdown_codes` c WHERE c.`dimension` = e.`key` AND c.`code` = e.`value`);
--> statement-breakpoint
DROP TABLE `__breakdown_unmappable`;
--> statement-breakpoint
DROP TABLE `__breakdown_codes`;
--> statement-breakpoint
DROP TABLE `__breakdown_recoded`;
--> statement-breakpoint
DROP TABLE `__breakdown_recode`;
