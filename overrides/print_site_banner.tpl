<p>
  <em>This page holds the whole reference, for printing. Use your browser's print command
  (choose "Save as PDF") to keep it as one document. Notebook pages are left out; each can be
  downloaded as a notebook from its own page.</em>
</p>
