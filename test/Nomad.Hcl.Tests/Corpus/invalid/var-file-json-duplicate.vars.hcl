{
  "image": "a",
  "image": "b"
}
