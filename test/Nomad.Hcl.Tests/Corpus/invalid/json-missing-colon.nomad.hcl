{"job" 1}
