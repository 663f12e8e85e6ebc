import Link from 'next/link';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  /** What is counted, e.g. 个标段. */
  unit: string;
  /** The same list's address on another page. */
  hrefFor: (page: number) => string;
}

/** 共 N 个…，第 p / n 页 with 上一页 / 下一页, for the server-rendered bidder lists. */
export function Pagination({ page, pageSize, total, unit, hrefFor }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="pagination">
      <span className="muted">
        共 {total} {unit}，第 {Math.min(page, pages)} / {pages} 页
      </span>
      <span className="pagination__links">
        {page > 1 && (
          <Link className="btn btn--plain" href={hrefFor(page - 1)}>
            上一页
          </Link>
        )}
        {page < pages && (
          <Link className="btn btn--plain" href={hrefFor(page + 1)}>
            下一页
          </Link>
        )}
      </span>
    </div>
  );
}
