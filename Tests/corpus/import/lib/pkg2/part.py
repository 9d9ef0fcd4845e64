PART = 'part'
