# just a comment
// another
/* and */
