/** The export formats that hold the whole selection while they are written (the others stream any size). */
export const WHOLE_FILE_EXPORT_FORMATS = ['xlsx', 'json-stat', 'iati'] as const;

/** The most figures a whole-file export holds; a larger selection is refused (422, `selection_too_large`). */
export const MAX_WHOLE_FILE_EXPORT_FIGURES = 100_000;
