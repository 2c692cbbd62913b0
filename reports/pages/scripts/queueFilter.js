// Risk queue filter by tier and id on the rendered rows; the page works (and prints) without it. Allowed by CSP hash.
(() => {
  const search = document.getElementById('queue-search');
  const tier = document.getElementById('queue-tier');
  const count = document.getElementById('queue-count');
  const rows = Array.from(document.querySelectorAll('#queue-table tbody tr[data-buyer]'));
  if (!search || !tier || !count) return;
  document.getElementById('queue-controls').hidden = false;
  const apply = () => {
    const text = search.value.trim().toLowerCase();
    let shown = 0;
    for (const row of rows) {
      const ok =
        (!text || row.dataset.buyer.toLowerCase().includes(text)) && (!tier.value || row.dataset.tier === tier.value);
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    count.textContent = shown === rows.length ? `${rows.length} accounts` : `${shown} of ${rows.length} accounts`;
  };
  search.addEventListener('input', apply);
  tier.addEventListener('change', apply);
  apply();
})();
