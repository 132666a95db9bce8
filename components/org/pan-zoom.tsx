"use client";

import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

type View = { x: number; y: number; scale: number };
type Size = { width: number; height: number; frameWidth: number; frameHeight: number };
const MIN = 0.2;
const MAX = 3;

/** Keep part of the chart in the frame whatever the user does. */
function clamp(v: View, s: Size): View {
  const scale = Math.min(MAX, Math.max(MIN, v.scale));
  const halfW = s.frameWidth / scale / 2;
  const halfH = s.frameHeight / scale / 2;
  return {
    scale,
    x: Math.min(Math.max(0, s.width - halfW), Math.max(-halfW, v.x)),
    y: Math.min(Math.max(0, s.height - halfH), Math.max(-halfH, v.y)),
  };
}

/**
 * Pan and zoom for the server-rendered chart, as an enhancement: without JavaScript the chart is the
 * whole picture, scaled down to the width of the page if it is wider (never clipped); with it, drag to pan, Ctrl/⌘ + wheel (or pinch) and the buttons
 * to zoom, arrow keys and +/−/0 when the chart has focus. It only rewrites the SVG's viewBox.
 */
export function PanZoom({ children, label }: { children: ReactNode; label: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<View | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  const current = useRef<{ view: View | null; size: Size | null }>({ view: null, size: null });
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);
  // the latest view and size for the event handlers, kept in step after each render
  useEffect(() => {
    current.current = { view, size };
  }, [view, size]);

  const update = useCallback((next: View) => {
    const s = current.current.size;
    if (s) setView(clamp(next, s));
  }, []);

  useEffect(() => {
    const box = frame.current;
    const el = box?.querySelector("svg");
    if (!box || !el) return;
    const vb = el.viewBox.baseVal;
    const width = vb.width;
    const height = vb.height;
    el.setAttribute("width", "100%");
    el.setAttribute("height", "100%");
    el.setAttribute("preserveAspectRatio", "xMinYMin meet");
    box.style.height = `${Math.max(240, Math.min(height, window.innerHeight * 0.7))}px`;
    const measure = () => setSize({ width, height, frameWidth: box.clientWidth, frameHeight: box.clientHeight });
    measure();
    setView({ x: 0, y: 0, scale: Math.min(1, box.clientWidth / width) });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = frame.current?.querySelector("svg");
    if (el && view && size) el.setAttribute("viewBox", `${view.x} ${view.y} ${size.frameWidth / view.scale} ${size.frameHeight / view.scale}`);
  }, [view, size]);

  const zoomAt = useCallback(
    (factor: number, px?: number, py?: number) => {
      const { view: v, size: s } = current.current;
      if (!v || !s) return;
      const x0 = px ?? s.frameWidth / 2;
      const y0 = py ?? s.frameHeight / 2;
      const scale = Math.min(MAX, Math.max(MIN, v.scale * factor));
      // keep the chart point under the pointer where it is
      update({ scale, x: v.x + x0 / v.scale - x0 / scale, y: v.y + y0 / v.scale - y0 / scale });
    },
    [update],
  );

  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    const onWheel = (e: WheelEvent) => {
      const { view: v, size: s } = current.current;
      if (!v || !s) return;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        const r = box.getBoundingClientRect();
        zoomAt(Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
        return;
      }
      const next = clamp({ ...v, x: v.x + e.deltaX / v.scale, y: v.y + e.deltaY / v.scale }, s);
      // let the page scroll once the chart cannot move further that way
      if (next.x === v.x && next.y === v.y) return;
      e.preventDefault();
      setView(next);
    };
    box.addEventListener("wheel", onWheel, { passive: false });
    return () => box.removeEventListener("wheel", onWheel);
  }, [zoomAt]);

  const onPointerDown = (e: React.PointerEvent) => {
    if (!view || (e.target as Element).closest("a")) return;
    drag.current = { x: e.clientX, y: e.clientY, view };
    e.preventDefault(); // a drag pans; it does not select the chart's text
    (e.currentTarget as HTMLElement).focus();
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (d) update({ ...d.view, x: d.view.x - (e.clientX - d.x) / d.view.scale, y: d.view.y - (e.clientY - d.y) / d.view.scale });
  };
  const endDrag = () => {
    drag.current = null;
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget || !view) return;
    const step = 60 / view.scale;
    const pan: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (pan[e.key]) {
      e.preventDefault();
      update({ ...view, x: view.x + pan[e.key][0], y: view.y + pan[e.key][1] });
    } else if (e.key === "+" || e.key === "=") zoomAt(1.25);
    else if (e.key === "-") zoomAt(0.8);
    else if (e.key === "0") update({ x: 0, y: 0, scale: 1 });
  };

  const fit = () => {
    if (size) update({ x: 0, y: 0, scale: Math.min(size.frameWidth / size.width, size.frameHeight / size.height) });
  };

  const button = "rounded border border-stone-300 bg-white px-2 py-0.5 text-sm hover:bg-stone-50";
  return (
    <div className="space-y-1">
      {view && (
        <div role="toolbar" aria-label="Zoom the chart" className="flex justify-end gap-1">
          <button type="button" className={button} onClick={() => zoomAt(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" className={button} onClick={() => zoomAt(0.8)} aria-label="Zoom out">
            −
          </button>
          <button type="button" className={button} onClick={fit}>
            Fit
          </button>
          <button type="button" className={button} onClick={() => update({ x: 0, y: 0, scale: 1 })}>
            100%
          </button>
        </div>
      )}
      <div
        ref={frame}
        tabIndex={0}
        role="region"
        aria-label={`${label}. Drag or use the arrow keys to pan, + and − to zoom.`}
        data-enhanced={view ? "true" : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        onKeyDown={onKeyDown}
        className={`rounded border border-stone-200 bg-stone-50 ${view ? "cursor-grab touch-none select-none overflow-hidden active:cursor-grabbing" : "[&_svg]:h-auto [&_svg]:max-w-full"}`}
      >
        {children}
      </div>
    </div>
  );
}
