"use client";
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLES } from "@/lib/auth/permissions";
import { createUserAction } from "./actions";

type Values = { email: string; name: string; role: string; password: string };

export function CreateUserForm() {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>({ defaultValues: { email: "", name: "", role: "engineer", password: "" } });
  const err = (k: keyof Values) => formState.errors[k]?.message;
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      const result = await createUserAction(values);
      if (result.ok) {
        toast.success(t("users.created"));
        reset();
        router.refresh();
      } else if (result.error === "invalid") {
        for (const [k, m] of Object.entries(result.fieldErrors ?? {})) setError(k as keyof Values, { message: t(`errors.${m}` as never) });
      } else toast.error(t(`errors.${result.error}`));
    }),
  );
  const field = (k: keyof Values, label: string, type = "text") => (
    <div className="grid gap-1.5">
      <Label htmlFor={`new-${k}`}>{label}</Label>
      <Input id={`new-${k}`} type={type} aria-invalid={!!err(k)} {...register(k)} />
      {err(k) && <p className="text-sm text-destructive">{err(k)}</p>}
    </div>
  );
  return (
    <form onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2" noValidate>
      {field("name", t("users.name"))}
      {field("email", t("users.email"), "email")}
      <div className="grid gap-1.5">
        <Label htmlFor="new-role">{t("users.role")}</Label>
        <NativeSelect id="new-role" {...register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {field("password", t("users.password"), "password")}
      <div>
        <Button type="submit" disabled={pending}>
          {t("users.add")}
        </Button>
      </div>
    </form>
  );
}
