const STEPS = ['选择金融产品', '阅读投保须知', '填写投保信息', '确认并支付'];

/** Where the bidder is in the application, as the procedure numbers it. */
export function ApplicationSteps({ current }: { current: number }) {
  return (
    <ol className="steps" aria-label="申请步骤">
      {STEPS.map((label, index) => (
        <li key={label} className={index === current ? 'steps__item steps__item--current' : index < current ? 'steps__item steps__item--done' : 'steps__item'}>
          <span className="steps__number">{index + 1}</span>
          {label}
        </li>
      ))}
    </ol>
  );
}
