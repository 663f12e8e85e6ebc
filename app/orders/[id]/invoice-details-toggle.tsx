'use client';

import { useEffect, useId, useState, type ReactNode } from 'react';

/** 【发票及收件信息】: the mailed invoice's details, opened on demand as the procedure describes. */
export function InvoiceDetailsToggle({ label, children }: { label: string; children: ReactNode }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button type="button" className="btn btn--plain" disabled={!ready} aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {label}
      </button>
      <div id={id} hidden={!open} role="region" aria-label={label} style={{ marginTop: 12 }}>
        {children}
      </div>
    </div>
  );
}
