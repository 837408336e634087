"use client";
import * as React from "react";
import { Progress as ProgressPrimitive } from "radix-ui";
import { cn } from "@/lib/utils";

/**
 * A progress bar (Radix Progress: role="progressbar" with aria-valuenow/max). `value` null means
 * indeterminate: the bar pulses, since how much is left is unknown.
 */
export function Progress({ className, value, max = 100, ...props }: React.ComponentProps<typeof ProgressPrimitive.Root>) {
  const determinate = typeof value === "number";
  return (
    <ProgressPrimitive.Root
      data-slot="progress"
      value={value}
      max={max}
      className={cn("relative h-2 w-full overflow-hidden rounded-full bg-primary/20", className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        data-slot="progress-indicator"
        className={cn("h-full bg-primary transition-transform duration-200", !determinate && "w-1/3 animate-pulse")}
        style={determinate ? { transform: `translateX(-${100 - (Math.min(value, max) / max) * 100}%)` } : undefined}
      />
    </ProgressPrimitive.Root>
  );
}
