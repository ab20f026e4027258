{"job": "\q"}
