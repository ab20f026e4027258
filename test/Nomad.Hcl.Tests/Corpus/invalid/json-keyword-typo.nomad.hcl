{"job": tru}
