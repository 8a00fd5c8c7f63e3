import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [health, setHealth] = useState<string>('…');
  useEffect(() => {
    fetch('/api/v1/health')
      .then((r) => r.json() as Promise<{ status: string; database: string }>)
      .then((h) => setHealth(`${h.status} (${h.database})`))
      .catch(() => setHealth('unreachable'));
  }, []);
  return (
    <main>
      <h1>CivicLedger</h1>
      <p>API: {health}</p>
    </main>
  );
}

const el = document.getElementById('root');
if (el) createRoot(el).render(<StrictMode><App /></StrictMode>);
