// Stylesheets are imported for their side effect; Vite turns them into a <link>.
declare module '*.css';
