/** Previous / Next under the replay list, with the rows on screen ("51–100"). */

export function ReplayPager(props: { offset: number; shown: number; hasMore: boolean; pageSize: number; onOffset: (offset: number) => void }) {
  const { offset, shown } = props;
  if (offset === 0 && !props.hasMore) {
    return null;
  }
  return (
    <div className="replay-pager" data-testid="pager">
      <button type="button" className="button-secondary" data-testid="previous-page" disabled={offset === 0} onClick={() => props.onOffset(Math.max(0, offset - props.pageSize))}>
        ← Previous
      </button>
      <span className="muted small" data-testid="page-range">
        {shown === 0 ? "No sessions on this page" : `Sessions ${offset + 1}–${offset + shown}`}
      </span>
      <button type="button" className="button-secondary" data-testid="next-page" disabled={!props.hasMore} onClick={() => props.onOffset(offset + props.pageSize)}>
        Next →
      </button>
    </div>
  );
}
