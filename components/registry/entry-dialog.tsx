"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Pencil, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ActionResult } from "@/lib/server/actions/define";
import { dataFieldErrors } from "./action-errors";

export type EntryField = {
  name: string;
  /** Already translated. */
  label: string;
  kind: "text" | "number" | "date" | "checkbox" | "select";
  options?: { value: string; label: string }[];
  /** Shown but not editable (e.g. a key after creation). */
  readOnly?: boolean;
};

type Values = Record<string, string | boolean>;

/**
 * A small form in a dialog for one catalogue entry (a data item, a country, a holiday …). It
 * sends `{ ...payload, reason?, data: values }` to its server action and shows field errors at
 * the fields; nothing is written unless the whole entry is valid.
 */
export function EntryDialog({
  action,
  payload,
  fields,
  initial,
  mode,
  title,
  label,
}: {
  action: (input: unknown) => Promise<ActionResult>;
  payload: Record<string, unknown>;
  fields: EntryField[];
  initial: Values;
  mode: "create" | "edit";
  title: string;
  /** Names the entry in the edit button's accessible name. */
  label?: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(initial);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();

  const openChange = (next: boolean) => {
    if (next) {
      setValues(initial);
      setReason("");
      setErrors({});
    }
    setOpen(next);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await action({ ...payload, ...(mode === "edit" ? { reason } : {}), data: values });
      if (result.ok) {
        toast.success(mode === "create" ? t("record.created") : t("record.saved"));
        setOpen(false);
        router.refresh();
        return;
      }
      if (result.error === "invalid") {
        setErrors(dataFieldErrors(t, result));
        return;
      }
      toast.error(t(`errors.${result.error}`));
    });
  };

  const set = (name: string, value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));
  const id = (name: string) => `entry-${name}`;
  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        {mode === "create" ? (
          <Button size="sm">
            <Plus aria-hidden />
            {title}
          </Button>
        ) : (
          <Button variant="outline" size="sm" aria-label={t("record.actionOn", { action: t("record.edit"), entry: label ?? "" })}>
            <Pencil aria-hidden />
            {t("record.edit")}
          </Button>
        )}
      </DialogTrigger>
      <DialogContent closeLabel={t("common.close")} className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{mode === "create" ? t("record.createHint") : t("record.editHint")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-3" noValidate>
          {fields.map((f) => {
            const error = errors[f.name];
            const described = error ? `${id(f.name)}-error` : undefined;
            if (f.kind === "checkbox") {
              return (
                <div key={f.name} className="grid gap-1">
                  <label className="flex items-center gap-2 text-sm">
                    <Checkbox id={id(f.name)} checked={values[f.name] === true} onCheckedChange={(v) => set(f.name, v === true)} disabled={f.readOnly} />
                    {f.label}
                  </label>
                  {error && <p className="text-sm text-destructive">{error}</p>}
                </div>
              );
            }
            return (
              <div key={f.name} className="grid gap-1.5">
                <Label htmlFor={id(f.name)}>{f.label}</Label>
                {f.kind === "select" ? (
                  <NativeSelect id={id(f.name)} value={String(values[f.name] ?? "")} onChange={(e) => set(f.name, e.target.value)} disabled={f.readOnly} aria-invalid={!!error} aria-describedby={described}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </NativeSelect>
                ) : (
                  <Input
                    id={id(f.name)}
                    type={f.kind}
                    value={String(values[f.name] ?? "")}
                    onChange={(e) => set(f.name, e.target.value)}
                    readOnly={f.readOnly}
                    aria-invalid={!!error}
                    aria-describedby={described}
                  />
                )}
                {error && (
                  <p id={`${id(f.name)}-error`} className="text-sm text-destructive">
                    {error}
                  </p>
                )}
              </div>
            );
          })}
          {mode === "edit" && (
            <div className="grid gap-1.5">
              <Label htmlFor={id("reason")}>{t("record.reasonForChange")}</Label>
              <Input id={id("reason")} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
          )}
          {errors._form || errors.key || errors.expectedVersion ? <p className="text-sm text-destructive">{errors._form || errors.key || errors.expectedVersion}</p> : null}
          <DialogFooter>
            <Button type="submit" disabled={pending}>
              {mode === "create" ? t("record.add") : t("record.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
