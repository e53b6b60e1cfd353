/**
 * The size a resizable window opens at: the one the person left it at, if it still makes sense,
 * never below the window's minimum and never larger than the screen it opens on (a size saved on a
 * big external monitor must not open off the edges of a laptop's screen).
 */
import { z } from 'zod';

export interface Size {
  width: number;
  height: number;
}

export interface WindowLimits {
  min: Size;
  /** The first size, before anything was remembered. */
  initial: Size;
}

export const ADMIN_WINDOW: WindowLimits = { min: { width: 900, height: 600 }, initial: { width: 1100, height: 720 } };

const savedSize = z.object({ width: z.number().int().min(1).max(100_000), height: z.number().int().min(1).max(100_000) });

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** `remembered` is whatever was read back from disk: anything that is not a sane size means "never resized". */
export function sizeToOpen(remembered: unknown, workArea: Size, limits: WindowLimits): Size {
  const parsed = savedSize.safeParse(remembered);
  const wanted = parsed.success ? parsed.data : limits.initial;
  return { width: clamp(wanted.width, limits.min.width, workArea.width), height: clamp(wanted.height, limits.min.height, workArea.height) };
}

/** The size worth remembering when a window closes: whole pixels, and never below its minimum. */
export function sizeToRemember(size: Size, limits: WindowLimits): Size {
  return { width: Math.max(limits.min.width, Math.round(size.width)), height: Math.max(limits.min.height, Math.round(size.height)) };
}
