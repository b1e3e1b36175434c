import { thresholds } from '../domain/trend';

/** How a direction and a rolling mean are worked out, in words, from the same thresholds the code uses. */
export function TrendRules() {
  return (
    <ul className="rules">
      <li>
        <strong>Direction.</strong> Once a side has rated a characteristic at least{' '}
        {thresholds.MIN_CHECKINS_FOR_DIRECTION} times, the app fits a straight line through its last{' '}
        {thresholds.TREND_WINDOW} scores. If the line drops by {thresholds.TREND_SLOPE_MIN} points or more per check-in
        it is <em>falling</em>; if it climbs by as much it is <em>rising</em>; otherwise it is <em>steady</em>. With
        fewer check-ins no direction is claimed.
      </li>
      <li>
        <strong>Rolling mean.</strong> The average of a score and the {thresholds.ROLLING_MEAN_WINDOW - 1} before it, so
        one unusual session does not swing the line.
      </li>
      <li>
        <strong>Perception gap.</strong> How far apart the mentor’s and the mentee’s latest scores for the same
        characteristic are; {thresholds.PERCEPTION_GAP_MIN} points or more is flagged.
      </li>
    </ul>
  );
}
