import type { Op, Row } from './Row.js';

export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  columns: number;
  gap: number;
}

export interface PlacedBookmark {
  title: string;
  depth: number;
  page: number;
  /** Distance from the top of the page. */
  y: number;
}

/**
 * Places rows top to bottom in columns, columns left to right, then onto a new page. Rows never
 * split; headings keep with what follows; table headers repeat after a break.
 */
export class SheetLayout {
  readonly pages: Op[][] = [];
  readonly bookmarks: PlacedBookmark[] = [];
  private column = 0;
  private y = 0;
  private columnTop = 0;
  private pageHasColumnContent = false;
  /** Header rows of the table being placed, to draw again after a break. */
  private lastHeader: Row[] | undefined;

  constructor(
    readonly geometry: PageGeometry,
    /** A lower bottom edge for one page, used to balance the columns of the last page. */
    private readonly limit?: { page: number; bottom: number },
  ) {
    this.newPage();
  }

  /**
   * Lays the rows out, then, with two columns or more, shortens the last page's columns as much as
   * possible without adding a page, so a short sheet does not leave its right column empty.
   */
  static balanced(geometry: PageGeometry, rows: readonly Row[]): SheetLayout {
    const first = new SheetLayout(geometry);
    first.placeAll(rows);
    if (geometry.columns < 2) return first;
    const page = first.pages.length - 1;
    let lo = geometry.margin.top;
    let hi = geometry.height - geometry.margin.bottom;
    let best = first;
    for (let i = 0; i < 14 && hi - lo > 2; i++) {
      const mid = (lo + hi) / 2;
      const trial = new SheetLayout(geometry, { page, bottom: mid });
      trial.placeAll(rows);
      if (trial.pages.length === first.pages.length) {
        best = trial;
        hi = mid;
      } else lo = mid;
    }
    return best;
  }

  get contentWidth(): number {
    const g = this.geometry;
    return g.width - g.margin.left - g.margin.right;
  }

  get columnWidth(): number {
    const g = this.geometry;
    return (this.contentWidth - g.gap * (g.columns - 1)) / g.columns;
  }

  get columnHeight(): number {
    const g = this.geometry;
    return g.height - g.margin.top - g.margin.bottom;
  }

  private get bottom(): number {
    if (this.limit && this.limit.page === this.pages.length - 1) return this.limit.bottom;
    return this.geometry.height - this.geometry.margin.bottom;
  }

  private get atColumnTop(): boolean {
    return this.y <= this.columnTop + 0.01;
  }

  private newPage(): void {
    this.pages.push([]);
    this.column = 0;
    this.y = this.geometry.margin.top;
    this.columnTop = this.y;
    this.pageHasColumnContent = false;
  }

  /** Moves to the next column, or to a new page after the last one. */
  breakColumn(): void {
    if (this.column + 1 < this.geometry.columns) {
      this.column += 1;
      this.y = this.columnTop;
    } else {
      this.newPage();
    }
  }

  breakPage(): void {
    if (this.atColumnTop && this.column === 0 && this.pages[this.pages.length - 1].length === 0) return;
    this.newPage();
  }

  placeAll(rows: readonly Row[]): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.keepWithNext && !this.atColumnTop) {
        // The heading, its chained followers and the first row after them must fit together.
        let need = (row.spaceBefore ?? 0) + row.height;
        let j = i + 1;
        while (j < rows.length && rows[j - 1].keepWithNext) {
          need += (rows[j].spaceBefore ?? 0) + rows[j].height;
          j++;
        }
        if (this.y + need > this.bottom && need <= this.columnHeight) this.breakColumn();
      }
      this.place(row);
    }
  }

  place(row: Row): void {
    if (row.breakBefore === 'page') this.breakPage();
    else if (row.breakBefore === 'column' && !this.atColumnTop) this.breakColumn();
    if (row.span && !this.pageHasColumnContent && this.column === 0) {
      const space = this.atColumnTop ? 0 : row.spaceBefore ?? 0;
      this.y += space;
      this.drawRow(row, this.geometry.margin.left, this.contentWidth);
      this.y += row.height;
      this.columnTop = this.y;
      return;
    }
    let space = this.atColumnTop ? 0 : row.spaceBefore ?? 0;
    if (this.y + space + row.height > this.bottom && !this.atColumnTop) {
      this.breakColumn();
      space = 0;
      if (row.repeatHeader && row.repeatHeader === this.lastHeader) {
        for (const h of row.repeatHeader) {
          this.drawRow(h, this.columnX, this.columnWidth);
          this.y += h.height;
        }
      }
    }
    this.y += space;
    this.drawRow(row, this.columnX, this.columnWidth);
    this.y += row.height;
    this.pageHasColumnContent = true;
    this.lastHeader = row.repeatHeader;
  }

  private get columnX(): number {
    return this.geometry.margin.left + this.column * (this.columnWidth + this.geometry.gap);
  }

  private drawRow(row: Row, x: number, width: number): void {
    const page = this.pages[this.pages.length - 1];
    if (row.bookmark) this.bookmarks.push({ ...row.bookmark, page: this.pages.length - 1, y: this.y });
    row.draw(page, x, this.y, width);
  }
}
