// Why a candidate got no coach, counted from the compiled pool (no pair is scored): which rules
// rule out how many coaches, or how many coaches would qualify if they had room.
import type { CompiledPool } from "./compile";
import { REJECTION_CODES, type RejectionCode, type UnassignedReason } from "./types";

export class UnassignedExplainer {
  private readonly mark: Int32Array;
  private stamp = 0;
  /** Coaches speaking one of a set of languages at working level, per set (open ones, all). */
  private readonly openSpeakers = new Map<string, number>();
  private readonly allSpeakers = new Map<string, number>();

  constructor(private readonly pool: CompiledPool) {
    this.mark = new Int32Array(pool.coachCount);
  }

  /**
   * Candidate i's reason, given whether any coach is eligible for it at all. With eligible coaches
   * and no assignment, an optimal matching has filled every one of them (else one more
   * assignment would have been possible).
   */
  explain(i: number, hasEligibleCoach: boolean): UnassignedReason {
    if (hasEligibleCoach) return { code: "eligible_coaches_full", eligibleCoaches: this.eligibleCoaches(i) };
    const pool = this.pool;
    const counts: Record<RejectionCode, number> = {
      no_consent: pool.candidateConsent[i] === 0 ? pool.coachCount : 0,
      coach_paused: pool.pausedCoaches,
      coach_full: pool.fullCoaches,
      excluded: pool.candidateExcludedStart[i + 1]! - pool.candidateExcludedStart[i]!,
      conflict_of_interest: this.caseworkers(i),
      no_shared_language: pool.coachCount - this.speakers(i, false),
    };
    const rejections = REJECTION_CODES.filter((code) => counts[code] > 0).map((code) => ({ code, coaches: counts[code] }));
    // Most frequent first; equal counts keep the rules' order (the sort is stable).
    rejections.sort((a, b) => b.coaches - a.coaches);
    return { code: "no_eligible_coach", rejections };
  }

  private caseworkers(i: number): number {
    const organisation = this.pool.candidateOrganisation[i]!;
    return organisation < 0 ? 0 : this.pool.organisationCoachStart[organisation + 1]! - this.pool.organisationCoachStart[organisation]!;
  }

  /** Coaches speaking one of candidate i's working languages (only open ones when `open`). */
  private speakers(i: number, open: boolean): number {
    const pool = this.pool;
    const from = pool.candidateLanguageStart[i]!;
    const to = pool.candidateLanguageStart[i + 1]!;
    const key = Array.from(pool.candidateLanguages.subarray(from, to)).sort((a, b) => a - b).join(",");
    const cache = open ? this.openSpeakers : this.allSpeakers;
    let count = cache.get(key);
    if (count === undefined) {
      const listStart = open ? pool.languageCoachStart : pool.languageSpeakerStart;
      const list = open ? pool.languageCoaches : pool.languageSpeakers;
      const stamp = ++this.stamp;
      count = 0;
      for (let l = from; l < to; l++) {
        const language = pool.candidateLanguages[l]!;
        for (let e = listStart[language]!; e < listStart[language + 1]!; e++) {
          if (this.mark[list[e]!] === stamp) continue;
          this.mark[list[e]!] = stamp;
          count++;
        }
      }
      cache.set(key, count);
    }
    return count;
  }

  /** Open coaches sharing a working language with candidate i, minus those it may not have. */
  private eligibleCoaches(i: number): number {
    const pool = this.pool;
    let count = this.speakers(i, true);
    const stamp = ++this.stamp;
    const from = pool.candidateLanguageStart[i]!;
    const to = pool.candidateLanguageStart[i + 1]!;
    // Each blocked coach (counted once) that would otherwise qualify.
    const uncount = (j: number): void => {
      if (this.mark[j] === stamp || pool.coachOpen[j] === 0) return;
      this.mark[j] = stamp;
      for (let l = from; l < to; l++) {
        if (pool.coachLevel[j * pool.languageCount + pool.candidateLanguages[l]!]! - 1 >= pool.workingRank) {
          count--;
          return;
        }
      }
    };
    for (let e = pool.candidateExcludedStart[i]!; e < pool.candidateExcludedStart[i + 1]!; e++) uncount(pool.candidateExcluded[e]!);
    const organisation = pool.candidateOrganisation[i]!;
    if (organisation >= 0) {
      for (let e = pool.organisationCoachStart[organisation]!; e < pool.organisationCoachStart[organisation + 1]!; e++) uncount(pool.organisationCoaches[e]!);
    }
    return count;
  }
}
