import type { GuidanceCard, GuidanceSource } from './guidance';

/**
 * The guidance library. Every card is our own paraphrase of one contributor to the seed post, never
 * a quotation: `guidanceCards.test.ts` fails if any eight-word run of a card matches the post.
 * Where a card speaks to a characteristic the contributor names only indirectly (fairness from
 * "nothing to gain from your advice", say), the link is the contributor's, not ours.
 *
 * Order matters: it is the order of the library page and the tie-break when guidance is selected.
 */

const POST_TITLE = 'Key Mentorship Characteristics — "TRUST" (Part 3)';
const POST_DATE = '2013-03-23';

function from(contributor: string, organisation: string, citedWork?: string): GuidanceSource {
  return citedWork === undefined
    ? { contributor, organisation, postTitle: POST_TITLE, postDate: POST_DATE }
    : { contributor, organisation, postTitle: POST_TITLE, postDate: POST_DATE, citedWork };
}

const kuypers = from('John Kuypers', 'Performance Shift Consulting');
const kaarsemaker = from('Neil Kaarsemaker', 'Canadian Manufacturers & Exporters, Alberta Division');
const gaynor = from('Dan Gaynor', 'Gaynor Consulting Inc.');
const baker = from('Darel Baker', 'Keldar Leadership Solutions');
const hope = from('Ian Hope', 'Ian Hope and Associates');
// The one comment on the post; its advice is a summary of Crano's book, so the book is credited too.
const crano = from('ProVision Mentorship', 'ProVision Mentorship', 'William D. Crano, “The Rules of Influence”');

export const guidanceCards: readonly GuidanceCard[] = [
  // John Kuypers: trust rests on being supportive without bias; non-judgment repairs it.
  {
    id: 'kuypers-one-agenda',
    title: 'Keep a single agenda',
    body: 'Ask yourself what you hope to get from this relationship apart from your mentee doing well. If there is anything — credit, a protégé who works the way you do, a favour later — notice it and put it aside. Your mentee can trust you fully only when their success is the one thing you are working for.',
    characteristicIds: ['trust', 'fairness'],
    audience: 'mentor',
    appliesWhen: ['always', 'low-score'],
    source: kuypers,
  },
  {
    id: 'kuypers-neither-steer-nor-cheer',
    title: 'Neither steer nor just cheer',
    body: 'Wanting something from your mentee pushes you towards one of two extremes: telling them what to do, or applauding everything. Nudging them towards doing it your way is the more damaging of the two. Ask what they intend and why, then help them test their own plan rather than swapping in yours.',
    characteristicIds: ['non-judgment', 'trust'],
    audience: 'mentor',
    appliesWhen: ['low-score', 'falling-trend'],
    source: kuypers,
  },
  {
    id: 'kuypers-small-signals',
    title: 'Watch the signals you send',
    body: 'Mentees read small cues of approval and disapproval: a pause, a frown, more energy for one option than another. If your mentee rates non-judgment lower than you do, those cues are a likely cause. Try meeting every option with the same curiosity — what would it take, what could go wrong, what would you learn?',
    characteristicIds: ['non-judgment'],
    audience: 'mentor',
    appliesWhen: ['low-score', 'perception-gap'],
    source: kuypers,
  },
  {
    id: 'kuypers-own-direction',
    title: 'Name the path you want to take',
    body: 'If you sense your mentor would prefer a different route, you may start holding things back or simply doing what they would do. Either one slowly wears trust away. Tell them plainly which way you are leaning, and ask for help testing it rather than for permission.',
    characteristicIds: ['non-judgment', 'trust'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score', 'falling-trend'],
    source: kuypers,
  },
  {
    id: 'kuypers-dependence-or-distance',
    title: 'Spot dependence or drift',
    body: 'When trust weakens, a relationship tends to go one of two ways: the mentee starts leaning on the mentor for every decision, or the two of you drift apart and sessions get shorter and rarer. If you recognise either pattern, raise it at your next session. Agree together what would let the mentee decide more freely.',
    characteristicIds: ['trust', 'non-judgment'],
    audience: 'both',
    appliesWhen: ['falling-trend'],
    source: kuypers,
  },

  // Neil Kaarsemaker: trust is needed on both sides, and both must invest.
  {
    id: 'kaarsemaker-learn-the-real-issue',
    title: 'Learn the real issue first',
    body: 'Your mentee has to believe you are on their side and will give the time to understand what is really going on for them. Before you advise, keep asking questions until you could describe their situation in their own words. Then protect the time you promised, even in busy weeks.',
    characteristicIds: ['trust', 'competence'],
    audience: 'mentor',
    appliesWhen: ['always', 'low-score'],
    source: kaarsemaker,
  },
  {
    id: 'kaarsemaker-come-ready',
    title: 'Come open and ready to grow',
    body: 'Your mentor is trusting you as well: to be candid about what is happening and willing to learn from it. Arrive with what you tried, what went badly and what you want to work on next. Honest updates, including unflattering ones, make the time you both give worth it.',
    characteristicIds: ['trust', 'integrity'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score'],
    source: kaarsemaker,
  },
  {
    id: 'kaarsemaker-stretch-feels-hard',
    title: 'Growth can feel uncomfortable',
    body: 'Good mentoring stretches the mentee, and a hard stretch can show up as lower ratings for a while. Before you read a dip as a failing relationship, ask each other whether it reflects difficult learning. Then agree how much challenge feels right for the next few sessions.',
    characteristicIds: ['trust'],
    audience: 'both',
    appliesWhen: ['falling-trend'],
    source: kaarsemaker,
  },
  {
    id: 'kaarsemaker-share-the-load',
    title: 'Share the effort fairly',
    body: 'Both of you put in time and effort, and the relationship only pays off when that investment is shared. If you feel you are carrying more of the load, or sense your partner does, say so without blame. Agree what each of you will bring to the next session.',
    characteristicIds: ['fairness'],
    audience: 'both',
    appliesWhen: ['low-score', 'perception-gap'],
    source: kaarsemaker,
  },

  // Dan Gaynor: without trust, the sensitive issues never reach the mentor, and learning suffers.
  {
    id: 'gaynor-make-room-for-hard-topics',
    title: 'Make room for the hard topics',
    body: 'When trust is thin, a mentee keeps the most sensitive problems to themselves, and those are often the ones that matter most. You cannot help with what you never hear. Ask what they have not yet felt able to raise, and show by how calmly you respond that it is safe to bring.',
    characteristicIds: ['trust'],
    audience: 'mentor',
    appliesWhen: ['low-score', 'falling-trend'],
    source: gaynor,
  },
  {
    id: 'gaynor-test-the-water',
    title: 'Try raising one sensitive matter',
    body: 'Much of what a mentor can offer depends on the difficult things you bring. If you are holding one back, start with a smaller piece of it and see how your mentor handles it. Their response will tell you how much more you can safely share.',
    characteristicIds: ['trust'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score'],
    source: gaynor,
  },
  {
    id: 'gaynor-trust-binds',
    title: 'Trust is what holds it together',
    body: 'Trust is the bond between mentor and mentee, and the learning depends on it. Check on it briefly at every session, not only when something has gone wrong. A short “is there anything you have not felt able to say?” costs little and keeps the door open.',
    characteristicIds: ['trust'],
    audience: 'both',
    appliesWhen: ['always'],
    source: gaynor,
  },

  // Darel Baker: trust is gained or lost through competence, integrity and fairness, over time.
  {
    id: 'baker-know-your-limits',
    title: 'Be clear where your expertise ends',
    body: 'How competent you come across in the matter at hand is part of what earns trust. Tell your mentee where your experience runs deep and where it is thin, and point them to better sources for the rest. Admitting a limit wins more confidence than bluffing through it.',
    characteristicIds: ['competence', 'trust'],
    audience: 'mentor',
    appliesWhen: ['low-score', 'perception-gap'],
    source: baker,
  },
  {
    id: 'baker-show-your-progress',
    title: 'Show what you are learning',
    body: 'Your mentor’s confidence in you also rests on your competence. Bring evidence of what you have practised since the last session, and ask specific questions where you are stuck. Preparation shows you take the subject, and their time, seriously.',
    characteristicIds: ['competence'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score'],
    source: baker,
  },
  {
    id: 'baker-be-counted-on',
    title: 'Be someone who can be counted on',
    body: 'Each of you is judged on whether you are consistent: doing what you said, turning up when agreed, keeping confidences. Look over the open action items at the start of every session so that slips are noticed early. If you cannot keep a promise, say so before it falls due.',
    characteristicIds: ['integrity', 'trust'],
    audience: 'both',
    appliesWhen: ['always', 'low-score', 'falling-trend'],
    source: baker,
  },
  {
    id: 'baker-their-interests-too',
    title: 'Weigh their interests, not only yours',
    body: 'Fairness means caring about your mentee and not just about yourself. Schedule around their constraints as much as yours, give them the credit for their progress, and keep the sessions about their goals. If your mentee rates fairness lower than you do, ask where it has felt one-sided.',
    characteristicIds: ['fairness'],
    audience: 'mentor',
    appliesWhen: ['low-score', 'perception-gap'],
    source: baker,
  },
  {
    id: 'baker-fair-in-return',
    title: 'Fairness runs both ways',
    body: 'Your mentor gives their time for your benefit, so treat it with care. Confirm sessions, cancel early if you must, and tell them what has helped. A mentor who sees their effort valued keeps investing in you.',
    characteristicIds: ['fairness'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score'],
    source: baker,
  },
  {
    id: 'baker-build-it-over-time',
    title: 'Build trust one session at a time',
    body: 'Lasting trust comes from behaving well again and again, not from one good meeting. Before each session, choose one of competence, integrity or fairness to pay attention to. When ratings slide, look at which of the three slipped first.',
    characteristicIds: ['trust', 'competence', 'integrity', 'fairness'],
    audience: 'both',
    appliesWhen: ['always', 'falling-trend'],
    source: baker,
  },

  // Ian Hope: a visible single motive lets a mentor challenge without judging; trust runs both ways.
  {
    id: 'hope-make-your-motive-visible',
    title: 'Let your motive be seen',
    body: 'Wanting your mentee’s growth is not enough on its own; they need to be able to see it. Tell them what you hope they will get out of working together. Invite them to say so when a piece of your advice seems to serve something other than them.',
    characteristicIds: ['trust', 'fairness'],
    audience: 'mentor',
    appliesWhen: ['always', 'falling-trend'],
    source: hope,
  },
  {
    id: 'hope-challenge-without-judging',
    title: 'Challenge without judging',
    body: 'You can challenge how your mentee thinks without criticising them. Offer insights as questions or possibilities rather than verdicts, and keep negativity out of your feedback. When they feel safe, they share more, and feedback starts to flow in both directions.',
    characteristicIds: ['non-judgment', 'competence'],
    audience: 'mentor',
    appliesWhen: ['always', 'low-score', 'perception-gap'],
    source: hope,
  },
  {
    id: 'hope-be-trustworthy-too',
    title: 'Be trustworthy in return',
    body: 'Trust has to travel in both directions. Be dependable, own what you committed to, and be genuine: say what you actually think rather than what you expect your mentor wants to hear. The more reliable you are, the more your mentor can offer.',
    characteristicIds: ['trust', 'integrity'],
    audience: 'mentee',
    appliesWhen: ['always', 'perception-gap'],
    source: hope,
  },
  {
    id: 'hope-compare-notes',
    title: 'Compare notes when you see it differently',
    body: 'When your ratings are far apart, neither of you is wrong: you are each seeing one side of the same relationship. Take turns explaining what led to your score, and listen without defending yourself. Finish by agreeing one thing each of you will do differently.',
    characteristicIds: ['trust', 'non-judgment'],
    audience: 'both',
    appliesWhen: ['perception-gap'],
    source: hope,
  },

  // ProVision Mentorship, summarising Crano: credibility is expertise plus trustworthiness.
  {
    id: 'crano-expertise',
    title: 'Earn credibility with sound advice',
    body: 'Decades of research on credibility point to two ingredients: knowing your subject and being trustworthy. The first depends on whether your background fits the question and whether what you say holds up. Check facts before you pass them on, say where your knowledge comes from, and correct yourself openly when you get something wrong.',
    characteristicIds: ['competence', 'trust'],
    audience: 'mentor',
    appliesWhen: ['always', 'low-score'],
    source: crano,
  },
  {
    id: 'crano-nothing-to-gain',
    title: 'Have nothing to gain from their choice',
    body: 'People trust advice more when the adviser stands to gain nothing from it being followed. If you could benefit from what you recommend — a hire, a sale, a favour — say so up front, or step back from advising on that decision. Being open about it protects your integrity and your mentee’s freedom to choose.',
    characteristicIds: ['fairness', 'integrity', 'trust'],
    audience: 'mentor',
    appliesWhen: ['always', 'low-score', 'perception-gap'],
    source: crano,
  },
  {
    id: 'crano-weigh-the-source',
    title: 'Weigh advice by where it comes from',
    body: 'It is healthy to weigh your mentor’s advice: ask what experience it rests on, and whether they gain anything if you follow it. If either answer worries you, raise it kindly. A concern talked through does far less harm to trust than one left unspoken.',
    characteristicIds: ['competence', 'fairness'],
    audience: 'mentee',
    appliesWhen: ['always', 'low-score', 'perception-gap'],
    source: crano,
  },
];
