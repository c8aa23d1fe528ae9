document.getElementById('app')!.textContent = 'IAM Sidekick editor'
