"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { dataFieldErrors } from "@/components/registry/action-errors";
import { publishPolicyAction } from "../actions";

/** Publishes a new edition of the public policy: its number and the date printed on it. */
export function PublishForm({ suggestedVersion, today }: { suggestedVersion: string; today: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [version, setVersion] = useState(suggestedVersion);
  const [publishedOn, setPublishedOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await publishPolicyAction({ version, publishedOn });
      if (result.ok) {
        toast.success(t("publications.published", { version }));
        setErrors({});
        router.refresh();
      } else if (result.error === "invalid") setErrors(dataFieldErrors(t, result));
      else toast.error(t(`errors.${result.error}`));
    });
  };
  const field = (name: "version" | "publishedOn", label: string, value: string, set: (v: string) => void, type = "text") => (
    <div className="grid gap-1.5">
      <Label htmlFor={`publish-${name}`}>{label}</Label>
      <Input id={`publish-${name}`} type={type} value={value} onChange={(e) => set(e.target.value)} aria-invalid={!!errors[name]} aria-describedby={errors[name] ? `publish-${name}-error` : undefined} />
      {errors[name] && (
        <p id={`publish-${name}-error`} className="text-sm text-destructive">
          {errors[name]}
        </p>
      )}
    </div>
  );
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-3" noValidate>
      {field("version", t("publications.version"), version, setVersion)}
      {field("publishedOn", t("publications.publishedOn"), publishedOn, setPublishedOn, "date")}
      <Button type="submit" disabled={pending} className="mt-6">
        <Send aria-hidden />
        {t("publications.publish")}
      </Button>
    </form>
  );
}
