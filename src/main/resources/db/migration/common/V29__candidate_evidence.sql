-- What decided a candidate (issue 17): no login since when, no record created or edited on which objects since when.
ALTER TABLE reclamation_candidate ADD COLUMN evidence VARCHAR(1000) NULL;
