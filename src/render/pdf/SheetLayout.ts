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

/** Where the part of a column band that is on the current page began. */
interface BandStart {
  row: number;
  ops: number;
  bookmarks: number;
  top: number;
  lastHeader: Row[] | undefined;
  /** Table header drawn at the top of the band when a table went on from the page before. */
  header?: Row[];
}

/**
 * Places rows on pages. Column rows fill bands of columns (top to bottom, then the next column,
 * then a new page); full-width (`span`) rows end the band above them. Every band is balanced on
 * the page where it ends, so a short section or the last page does not leave a column empty. Rows
 * never split; headings keep with what follows; table headers repeat after a break.
 */
export class SheetLayout {
  readonly pages: Op[][] = [];
  readonly bookmarks: PlacedBookmark[] = [];
  private column = 0;
  private y = 0;
  private columnTop = 0;
  /** Lowest point reached by any column of the current band on this page. */
  private bandBottom = 0;
  private band: BandStart | null = null;
  private lastHeader: Row[] | undefined;
  /** Set while balancing: a higher bottom edge, and no drawing (dry runs report overflow instead). */
  private limit: number | undefined;
  private dry = false;
  private overflow = false;

  constructor(readonly geometry: PageGeometry) {
    this.newPage();
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

  private get pageBottom(): number {
    return this.geometry.height - this.geometry.margin.bottom;
  }

  private get bottom(): number {
    return this.limit ?? this.pageBottom;
  }

  private get atColumnTop(): boolean {
    return this.y <= this.columnTop + 0.01;
  }

  private get page(): Op[] {
    return this.pages[this.pages.length - 1];
  }

  private newPage(): void {
    this.pages.push([]);
    this.column = 0;
    this.y = this.geometry.margin.top;
    this.columnTop = this.y;
    this.bandBottom = this.y;
  }

  private breakColumn(rowIndex: number, header?: Row[]): void {
    if (this.column + 1 < this.geometry.columns) {
      this.column += 1;
      this.y = this.columnTop;
    } else if (this.dry) {
      this.overflow = true;
      this.column = 0;
      this.y = this.columnTop;
    } else {
      this.newPage();
      this.band = { row: rowIndex, ops: 0, bookmarks: this.bookmarks.length, top: this.y, lastHeader: this.lastHeader, header };
    }
  }

  placeAll(rows: readonly Row[]): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row.breakBefore === 'page') {
        this.closeBand(rows, i, false);
        if (this.y > this.geometry.margin.top + 0.01 || this.page.length) this.newPage();
      }
      if (row.span || this.geometry.columns === 1) {
        this.closeBand(rows, i, true);
        this.placeSpan(rows, i);
      } else {
        if (!this.band) {
          // A band under full-width content keeps the space its first row asks for.
          if (this.y > this.geometry.margin.top + 0.01) this.y = this.columnTop = this.bandBottom = this.y + (row.spaceBefore ?? 0);
          this.band = { row: i, ops: this.page.length, bookmarks: this.bookmarks.length, top: this.y, lastHeader: this.lastHeader };
        }
        this.placeInColumn(rows, i, rows.length);
      }
    }
    this.closeBand(rows, rows.length, true);
  }

  /** Height a row needs together with the rows chained to it by keepWithNext. */
  private chainHeight(rows: readonly Row[], i: number, end: number): number {
    let need = (rows[i].spaceBefore ?? 0) + rows[i].height;
    for (let j = i + 1; j < end && rows[j - 1].keepWithNext; j++) need += (rows[j].spaceBefore ?? 0) + rows[j].height;
    return need;
  }

  private placeSpan(rows: readonly Row[], i: number): void {
    const row = rows[i];
    const atTop = this.y <= this.geometry.margin.top + 0.01;
    const need = row.keepWithNext ? this.chainHeight(rows, i, rows.length) : (row.spaceBefore ?? 0) + row.height;
    if (!atTop && this.y + need > this.pageBottom && (need <= this.columnHeight || this.y + (row.spaceBefore ?? 0) + row.height > this.pageBottom)) {
      this.newPage();
      if (row.repeatHeader && row.repeatHeader === this.lastHeader) for (const h of row.repeatHeader) this.drawFull(h);
    }
    if (this.y > this.geometry.margin.top + 0.01) this.y += row.spaceBefore ?? 0;
    this.drawFull(row);
    this.lastHeader = row.repeatHeader;
  }

  private drawFull(row: Row): void {
    this.drawRow(row, this.geometry.margin.left, this.contentWidth);
    this.y += row.height;
    this.columnTop = this.y;
    this.bandBottom = this.y;
  }

  private placeInColumn(rows: readonly Row[], i: number, end: number): void {
    const row = rows[i];
    if (row.breakBefore === 'column' && !this.atColumnTop) this.breakColumn(i);
    if (row.keepWithNext) {
      const need = this.chainHeight(rows, i, end);
      if (!this.atColumnTop && this.y + need > this.bottom && need <= this.bottom - this.columnTop) {
        // A kept-together block inside a table or tree still gets its header (a tree's root line) again.
        const header = row.repeatHeader && row.repeatHeader === this.lastHeader ? row.repeatHeader : undefined;
        this.breakColumn(i, header);
        if (header) this.drawHeader(header);
      }
      // While balancing, a heading cut from its text means the trial bottom edge is too high up.
      if (this.dry && this.y + need > this.bottom + 0.01 && need <= this.pageBottom - this.columnTop) this.overflow = true;
    }
    let space = this.atColumnTop ? 0 : row.spaceBefore ?? 0;
    if (this.y + space + row.height > this.bottom && !this.atColumnTop) {
      const header = row.repeatHeader && row.repeatHeader === this.lastHeader ? row.repeatHeader : undefined;
      this.breakColumn(i, header);
      space = 0;
      if (header) this.drawHeader(header);
    }
    if (this.dry && this.y + space + row.height > this.bottom + 0.01) this.overflow = true;
    this.y += space;
    this.drawRow(row, this.columnX, this.columnWidth);
    this.y += row.height;
    this.bandBottom = Math.max(this.bandBottom, this.y);
    this.lastHeader = row.repeatHeader;
  }

  /**
   * Ends the current column band. With `balance`, the band's rows on this page are laid out again
   * with the lowest bottom edge that still holds them all (found by bisection over dry runs).
   */
  private closeBand(rows: readonly Row[], end: number, balance: boolean): void {
    const band = this.band;
    this.band = null;
    if (!band || band.row >= end) return;
    // A short band that fits in its first column reads better left alone than cut in two.
    const short = this.column === 0 && this.bandBottom - band.top < this.columnHeight * 0.25;
    if (balance && this.geometry.columns > 1 && !short) {
      const fits = (limit: number) => {
        this.reset(band, limit);
        this.dry = true;
        this.overflow = false;
        for (let i = band.row; i < end && !this.overflow; i++) this.placeInColumn(rows, i, end);
        this.dry = false;
        return !this.overflow;
      };
      let lo = band.top;
      let hi = this.pageBottom;
      for (let n = 0; n < 16 && hi - lo > 1; n++) {
        const mid = (lo + hi) / 2;
        if (fits(mid)) hi = mid;
        else lo = mid;
      }
      this.page.length = band.ops;
      this.bookmarks.length = band.bookmarks;
      this.reset(band, hi);
      for (let i = band.row; i < end; i++) this.placeInColumn(rows, i, end);
      this.limit = undefined;
    }
    this.y = this.bandBottom;
    this.columnTop = this.y;
    this.column = 0;
  }

  private reset(band: BandStart, limit: number): void {
    this.limit = limit;
    this.column = 0;
    this.y = band.top;
    this.columnTop = band.top;
    this.bandBottom = band.top;
    this.lastHeader = band.lastHeader;
    if (band.header) this.drawHeader(band.header);
  }

  private drawHeader(header: Row[]): void {
    for (const h of header) {
      this.drawRow(h, this.columnX, this.columnWidth);
      this.y += h.height;
    }
  }

  private get columnX(): number {
    return this.geometry.margin.left + this.column * (this.columnWidth + this.geometry.gap);
  }

  private drawRow(row: Row, x: number, width: number): void {
    if (this.dry) return;
    if (row.bookmark) this.bookmarks.push({ ...row.bookmark, page: this.pages.length - 1, y: this.y });
    row.draw(this.page, x, this.y, width);
  }
}
