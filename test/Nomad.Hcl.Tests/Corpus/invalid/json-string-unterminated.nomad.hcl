{"job": "abc
}
