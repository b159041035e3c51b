"""Problem and roster file formats: the public HHCRSP JSON and careweave's own JSON."""
