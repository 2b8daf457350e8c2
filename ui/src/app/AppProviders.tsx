// Wires the long-lived services (query cache, error reporter, navigation) into React.
// main.tsx and the unit tests both render through this, with fresh instances per test.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createContext, use, useState, type ReactNode } from "react";
import type { AppError } from "../bindings/AppError";
import { ErrorReporter } from "./errorReporter";
import { NavigationProvider, type View } from "./navigation";
import { createQueryClient } from "./queryClient";

const ErrorReporterContext = createContext<ErrorReporter | null>(null);

export interface AppServices {
  queryClient: QueryClient;
  errorReporter: ErrorReporter;
}

export function createAppServices(): AppServices {
  const errorReporter = new ErrorReporter();
  return { errorReporter, queryClient: createQueryClient(errorReporter.report) };
}

export function AppProviders({
  services,
  initialView,
  children,
}: {
  services?: AppServices;
  initialView?: View;
  children: ReactNode;
}) {
  const [{ queryClient, errorReporter }] = useState(() => services ?? createAppServices());
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorReporterContext value={errorReporter}>
        <NavigationProvider {...(initialView ? { initialView } : {})}>{children}</NavigationProvider>
      </ErrorReporterContext>
    </QueryClientProvider>
  );
}

export function useErrorReporter(): ErrorReporter {
  const reporter = use(ErrorReporterContext);
  if (reporter === null) throw new Error("useErrorReporter needs AppProviders above it");
  return reporter;
}

/** Shorthand for components that only need to push an error to the banner. */
export function useReportError(): (error: AppError) => void {
  return useErrorReporter().report;
}
