  {"job": NaN}
