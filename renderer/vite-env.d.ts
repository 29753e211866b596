// Vite's client types for the renderer: import.meta.glob, CSS and asset imports.
/// <reference types="vite/client" />
