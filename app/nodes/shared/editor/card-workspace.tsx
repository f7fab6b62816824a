/**
 * What canvas cards may know about the workspace (the teams, by slug and name). Cards get only
 * their node's data from React Flow, and node data must stay plain and per node; a context lets
 * the handful of cards that name a team show its name without copying the team list into 300 nodes.
 */
import { createContext, useContext } from "react";

export type CardWorkspace = { teams: ReadonlyArray<{ slug: string; name: string }> };

export const CardWorkspaceContext = createContext<CardWorkspace>({ teams: [] });

export function useCardWorkspace(): CardWorkspace {
  return useContext(CardWorkspaceContext);
}
