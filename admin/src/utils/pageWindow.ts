/** The page numbers a pager shows: first, last, the current one with its neighbours; gaps as null. */
export const pageWindow = (page: number, pageCount: number): (number | null)[] => {
  const shown = new Set([1, pageCount, page - 1, page, page + 1]);
  const pages = [...shown].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  return pages.flatMap((n, i) => (i > 0 && n - pages[i - 1] > 1 ? [null, n] : [n]));
};
