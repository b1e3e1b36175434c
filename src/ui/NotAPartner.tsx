import { Link } from 'react-router';

/** Shown when someone outside a pair opens a screen only its partners may use. */
export function NotAPartner({ pairId, action }: { pairId: string; action: string }) {
  return (
    <section className="narrow">
      <h1>Only the pair's partners can {action}</h1>
      <p>
        You are viewing as someone who is not in this pair. <Link to="/viewing-as">Switch who you are viewing as</Link>,
        or <Link to={`/pairs/${pairId}`}>go back to the pair</Link>.
      </p>
    </section>
  );
}
