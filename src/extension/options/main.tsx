document.getElementById('app')!.textContent = 'IAM Sidekick options'
