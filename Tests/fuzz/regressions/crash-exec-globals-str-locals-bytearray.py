try:exec('','',bytearray(b''))
except:a