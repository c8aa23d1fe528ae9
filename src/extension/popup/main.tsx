document.getElementById('app')!.textContent = 'IAM Sidekick popup'
