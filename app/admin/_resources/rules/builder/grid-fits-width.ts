/**
 * A data grid's many columns would otherwise widen the whole back-office page (react-admin's form lays
 * its children out at their content width); a grid track of minmax(0, 1fr) lets the data grid scroll
 * inside the width it is given instead.
 */
export const GRID_FITS_WIDTH = { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)' } as const;
