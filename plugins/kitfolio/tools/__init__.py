"""Creator tools run from the command line, outside any build: importing analytics exports into
a kit (``kitfolio stats``) and checking rates against published bands (``kitfolio advise``)."""
