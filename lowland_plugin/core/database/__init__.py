"""上图入库 (Y-2, N-12): the database standard and its QC, the QC report, annual version
comparison and progress statistics."""
