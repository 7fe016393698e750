"use client";

export function PrintButton({ className = "btn-secondary print:hidden" }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      Print
    </button>
  );
}
