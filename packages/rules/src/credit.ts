/**
 * Hours credited from records and exams, by year, for the row being evaluated
 * (the roster's own year columns are read in yearFigures). Each compiled plan
 * owns one and clears it per row: evaluate() is synchronous and no result
 * keeps it, so reuse is safe and costs less than the objects it replaced.
 */
export class CreditTable {
  private readonly years: number[] = [];
  private readonly pub: number[] = [];
  private readonly prof: number[] = [];
  private size = 0;
  private readonly examYears: number[] = [];
  private examSize = 0;

  clear(): void {
    this.size = 0;
    this.examSize = 0;
  }

  /** Position of `year` in the table, or -1 (a row credits a handful of years, so a scan is fastest). */
  find(year: number): number {
    for (let i = 0; i < this.size; i++) if (this.years[i] === year) return i;
    return -1;
  }

  add(year: number, category: 'public' | 'professional', hours: number): void {
    let i = this.find(year);
    if (i < 0) {
      i = this.size++;
      this.years[i] = year;
      this.pub[i] = 0;
      this.prof[i] = 0;
    }
    if (category === 'public') this.pub[i] = this.pub[i]! + hours;
    else this.prof[i] = this.prof[i]! + hours;
  }

  publicAt(i: number): number {
    return i < 0 ? 0 : this.pub[i]!;
  }

  professionalAt(i: number): number {
    return i < 0 ? 0 : this.prof[i]!;
  }

  /** A qualification exam passed in `year` completes that year's professional requirement. */
  completeYear(year: number): void {
    this.examYears[this.examSize++] = year;
  }

  yearComplete(year: number): boolean {
    for (let i = 0; i < this.examSize; i++) if (this.examYears[i] === year) return true;
    return false;
  }
}
