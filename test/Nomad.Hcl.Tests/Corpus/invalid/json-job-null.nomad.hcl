{"job": null}
