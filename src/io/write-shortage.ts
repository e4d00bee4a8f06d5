/** The files of the shortage sheet and of who loses out, written by `qar solve` beside unfilled.csv. */
import type { Shortage } from "../plan/shortage.js";
import type { WhoLosesOut } from "../plan/who-loses-out.js";
import { toCsv } from "./csv-text.js";

export const SHORTAGE_COLUMNS = ["action", "week", "hubs", "review_ids", "person_id", "person_name", "amount", "unit", "seats", "seats_at_most", "proven", "detail"] as const;
export const TEAMS_BY_GROUP_COLUMNS = ["group", "value", "reviews", "peer_seats", "full_teams", "short_of_peers", "no_peer_team", "no_lead_reviewer", "empty_seats"] as const;
export const SCHOOLS_WITHOUT_TEAM_COLUMNS = ["school_id", "name", "phase", "hub", "review_ids", "peer_seats", "places_sent"] as const;

/** Several values in one cell, as the availability cells write them. */
const list = (values: readonly string[]) => values.join(";");

/**
 * `shortage.csv`: one row per change of supply that would fill empty seats (a week's
 * recruits, an advanced reviewer's one more review, a date move) and an `all` row per action,
 * with the seats it fills at least and at most (`proven` when they meet).
 *
 * @example writeFileSync("shortage.csv", shortageCsv(await shortageSheet(result.year, result.allocation)));
 */
export function shortageCsv(shortage: Shortage): string {
  return toCsv(
    SHORTAGE_COLUMNS,
    shortage.rows.map((r) => [r.action, r.week, list(r.hubs), list(r.reviewIds), r.personId, r.personName, r.amount, r.unit, r.seats, r.seatsAtMost, r.proven ? "yes" : "no", r.detail]),
  );
}

/** `teams-by-group.csv`: the teams by the host's phase, by team size (peer seats) and by hub, with how many are full, short, without peers or without a Lead Reviewer. */
export function teamsByGroupCsv(who: WhoLosesOut): string {
  return toCsv(
    TEAMS_BY_GROUP_COLUMNS,
    who.groups.map((g) => [g.group, g.value, g.reviews, g.peerSeats, g.fullTeams, g.shortOfPeers, g.noPeerTeam, g.noLeadReviewer, g.emptySeats]),
  );
}

/** `schools-without-team.csv`: the schools whose own review(s) got no peer while their reviewers sent places to others. */
export function schoolsWithoutTeamCsv(who: WhoLosesOut): string {
  return toCsv(
    SCHOOLS_WITHOUT_TEAM_COLUMNS,
    who.sendingWithoutTeam.map((s) => [s.schoolId, s.name, s.phase, s.hub, list(s.reviewIds), s.peerSeats, s.placesSent]),
  );
}
