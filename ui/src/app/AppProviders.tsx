// Wires the long-lived services (query cache, error reporter, connection health, navigation)
// into React, and runs the connection recovery probes. main.tsx and the unit tests both
// render through this, with fresh instances per test.
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createContext, use, useState, type ReactNode } from "react";
import type { AppError } from "../bindings/AppError";
import { ConnectionHealthStore } from "./connectionHealth";
import { ConnectionHealthContext, ConnectionRecovery } from "./connectionRecovery";
import type { Places } from "./connectionPlaces";
import { ErrorReporter } from "./errorReporter";
import { NavigationProvider, type View } from "./navigation";
import { createQueryClient } from "./queryClient";

const ErrorReporterContext = createContext<ErrorReporter | null>(null);

export interface AppServices {
  queryClient: QueryClient;
  errorReporter: ErrorReporter;
  connectionHealth: ConnectionHealthStore;
}

export function createAppServices(): AppServices {
  const errorReporter = new ErrorReporter();
  const connectionHealth = new ConnectionHealthStore();
  return { errorReporter, connectionHealth, queryClient: createQueryClient(errorReporter.report, connectionHealth) };
}

export function AppProviders({
  services,
  initialView,
  initialPlaces,
  children,
}: {
  services?: AppServices;
  initialView?: View;
  initialPlaces?: Places;
  children: ReactNode;
}) {
  const [{ queryClient, errorReporter, connectionHealth }] = useState(() => services ?? createAppServices());
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorReporterContext value={errorReporter}>
        <ConnectionHealthContext value={connectionHealth}>
          <NavigationProvider {...(initialView ? { initialView } : {})} {...(initialPlaces ? { initialPlaces } : {})}>
            {children}
          </NavigationProvider>
          <ConnectionRecovery />
        </ConnectionHealthContext>
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
