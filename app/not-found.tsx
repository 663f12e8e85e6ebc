import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="page">
      <div className="card empty">
        <h1>页面不存在</h1>
        <p>您访问的内容不存在，或已不在可办理范围内。</p>
        <Link className="btn" href="/">
          返回首页
        </Link>
      </div>
    </main>
  );
}
