import Link from "next/link";
import { AlertTriangle, CircleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";

export type PresentedProblem = {
  ruleId: string;
  severity: "error" | "warning";
  source: string;
  text: string;
  entity: { label: string; href: string };
  related: { label: string; href: string }[];
};

/** The policy lint's problems: rule id, plain explanation, source and links to the entries. */
export function LintProblems({ problems, labels }: { problems: PresentedProblem[]; labels: { source: string; entry: string; list: string; error: string; warning: string } }) {
  return (
    <ul className="grid gap-2" aria-label={labels.list} data-testid="lint-problems">
      {problems.map((p, i) => (
        <li key={`${p.ruleId}-${p.entity.href}-${i}`} className="grid gap-1 rounded-lg border p-3" data-rule={p.ruleId} data-entry={p.entity.label}>
          <div className="flex flex-wrap items-center gap-2">
            {p.severity === "error" ? <CircleAlert className="size-4 text-destructive" aria-hidden /> : <AlertTriangle className="size-4 text-amber-600" aria-hidden />}
            <Badge variant={p.severity === "error" ? "danger" : "warning"}>{p.severity === "error" ? labels.error : labels.warning}</Badge>
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{p.ruleId}</code>
            <span className="text-sm text-muted-foreground">{labels.entry}</span>
            <Link href={p.entity.href} className="text-sm font-medium hover:underline">
              {p.entity.label}
            </Link>
            {p.related.map((r) => (
              <Link key={r.href} href={r.href} className="text-sm text-muted-foreground hover:underline">
                {r.label}
              </Link>
            ))}
          </div>
          <p className="text-sm">{p.text}</p>
          <p className="text-xs text-muted-foreground">
            {labels.source} {p.source}
          </p>
        </li>
      ))}
    </ul>
  );
}
