// What React Flow needs from the DOM that jsdom lacks: a ResizeObserver that reports the
// observed element at once (React Flow sizes its pane from it), DOMMatrixReadOnly (it reads
// the zoom of the viewport transform), and non-zero element sizes. Stubs are undone after
// each test (vitest: unstubGlobals, restoreMocks).
import { vi } from "vitest";

class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;

  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }

  observe(target: Element): void {
    this.callback([{ target, contentRect: target.getBoundingClientRect() } as unknown as ResizeObserverEntry], this);
  }

  unobserve(): void {
    // Nothing is watched.
  }

  disconnect(): void {
    // Nothing is watched.
  }
}

class DOMMatrixReadOnlyStub {
  readonly m22: number;

  constructor(transform?: string) {
    const scale = /scale\(([\d.]+)\)/.exec(transform ?? "")?.[1];
    this.m22 = scale === undefined ? 1 : Number(scale);
  }
}

export function stubReactFlowDom(width = 900, height = 600): void {
  vi.stubGlobal("ResizeObserver", ResizeObserverStub);
  vi.stubGlobal("DOMMatrixReadOnly", DOMMatrixReadOnlyStub);
  vi.spyOn(HTMLElement.prototype, "offsetWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
}
