/**
 * Stories first: one card per event (label, date, outlets, a coverage bar and a
 * blindspot badge), sortable and searchable, paged so 500 stories stay quick.
 * The list is one tab stop (roving tabindex): arrows, Home and End move inside it.
 */
import { useMemo, useRef, useState } from 'react';
import { listStories, type Story, type StorySort } from '../view/facts';
import { shortOutlet } from '../view/model';
import { useRoving } from './roving';

const PAGE = 40;

export function StoriesView({ stories, current, onOpen }: { stories: Story[]; current: string | null; onOpen: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<StorySort>('outlets');
  const [shown, setShown] = useState(PAGE);
  const list = useMemo(() => listStories(stories, query, sort), [stories, query, sort]);
  const page = list.slice(0, shown);
  const listRef = useRef<HTMLUListElement>(null);
  const start = Math.max(0, page.findIndex((s) => s.id === current));
  const roving = useRoving(listRef, '.story-card', start);
  // After a search shortens the list, the tab stop stays on a card that exists.
  const act = Math.min(roving.active, Math.max(0, page.length - 1));

  return (
    <div className="stories">
      <div className="view-head">
        <p className="lede">
          <strong>{stories.length === 1 ? 'One story' : `${stories.length} stories`}</strong> in these articles — each one an event several outlets cover. Open
          one to see what every outlet reports, what only some report, and who they quote.
        </p>
      </div>
      <div className="story-tools">
        <label className="search">
          <span className="kicker">Search</span>
          <input
            type="search"
            value={query}
            placeholder="words in the story, an outlet, a date…"
            onChange={(e) => {
              setQuery(e.target.value);
              setShown(PAGE);
            }}
          />
        </label>
        <div className="sort" role="group" aria-label="Sort stories">
          <span className="kicker">Sort</span>
          {(
            [
              ['outlets', 'Most outlets'],
              ['newest', 'Newest'],
            ] as const
          ).map(([k, label]) => (
            <button key={k} type="button" className={`chip${sort === k ? ' on' : ''}`} aria-pressed={sort === k} onClick={() => setSort(k)}>
              {label}
            </button>
          ))}
        </div>
        <span className="muted small" role="status">
          {list.length === stories.length ? `${list.length} stories` : `${list.length} of ${stories.length} stories match`}
        </span>
      </div>
      <ul className="story-list" ref={listRef} aria-label="Stories" onKeyDown={roving.onKeyDown}>
        {page.map((s, i) => (
          <li key={s.id}>
            <StoryCard story={s} current={s.id === current} tabIndex={i === act ? 0 : -1} onFocus={() => roving.setActive(i)} onOpen={() => onOpen(s.id)} />
          </li>
        ))}
      </ul>
      {list.length > shown ? (
        <button type="button" className="ghost more" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
        </button>
      ) : null}
    </div>
  );
}

function StoryCard({ story, current, tabIndex, onFocus, onOpen }: { story: Story; current: boolean; tabIndex: number; onFocus: () => void; onOpen: () => void }) {
  const { all, some, one } = story.facts;
  const total = all + some + one;
  const names = story.outlets.map(shortOutlet);
  return (
    <button type="button" className={`story-card${current ? ' current' : ''}`} tabIndex={tabIndex} onFocus={onFocus} onClick={onOpen} aria-current={current ? 'true' : undefined} data-story={story.id}>
      <span className="story-head">
        <span className="story-label">{story.label}</span>
        {story.blindspots > 0 ? (
          <span className="blindspot" title="Facts that two or more outlets report and at least one other outlet leaves out">
            Blindspot · {story.blindspots} fact{story.blindspots === 1 ? '' : 's'} left out by some
          </span>
        ) : null}
      </span>
      <span className="story-meta">
        <span>{story.date ?? 'no date'}</span>
        <span>
          <strong>{story.outlets.length}</strong> outlet{story.outlets.length === 1 ? '' : 's'}
          {story.articleIds.length !== story.outlets.length ? ` · ${story.articleIds.length} articles` : ''}: {names.slice(0, 6).join(', ')}
          {names.length > 6 ? ` and ${names.length - 6} more` : ''}
        </span>
      </span>
      {total > 0 ? (
        <span className="cov-bar" aria-label={`${total} facts: ${all} reported by every outlet, ${some} by several, ${one} by one outlet only`}>
          <span className="seg all" style={{ flexGrow: all }} />
          <span className="seg some" style={{ flexGrow: some }} />
          <span className="seg one" style={{ flexGrow: one }} />
        </span>
      ) : (
        <span className="muted small">no facts lined up across outlets</span>
      )}
      {total > 0 ? (
        <span className="cov-key small" aria-hidden="true">
          <span className="k all" /> every outlet {all} <span className="k some" /> several {some} <span className="k one" /> one outlet {one}
        </span>
      ) : null}
    </button>
  );
}
